import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';

// A code block wider than the statement scrolls: keyboard users must be able to reach it to
// scroll it (axe: scrollable-region-focusable), so every <pre> is a tab stop.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'PRE') node.setAttribute('tabindex', '0');
});

/** Markdown from the API, sanitized. Its own module: marked and DOMPurify load only with the pages that show Markdown. */
export function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => DOMPurify.sanitize(marked.parse(source, { async: false })), [source]);
  return <div className={`markdown ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
