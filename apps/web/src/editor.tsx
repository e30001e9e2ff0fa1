import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'react';

/**
 * The editor mode of each submission language (the API's `Language` enum), each loaded only when
 * chosen. Keyed by plain string so languages the API adds (PYTHON, SQL) have their mode here
 * before the generated enum knows them; an unknown language edits as plain text.
 */
export const EDITOR_MODES: Record<string, () => Promise<Extension>> = {
  JAVASCRIPT: () => import('@codemirror/lang-javascript').then((m) => m.javascript()),
  TYPESCRIPT: () => import('@codemirror/lang-javascript').then((m) => m.javascript({ typescript: true })),
  PYTHON: () => import('@codemirror/lang-python').then((m) => m.python()),
  SQL: () => import('@codemirror/lang-sql').then((m) => m.sql()),
};

/**
 * CodeMirror 6 with the highlighting of the submission language. Tab indents inside the editor;
 * Escape then Tab leaves it (CodeMirror's own rule), so keyboard users are never trapped.
 */
export function CodeEditor({
  value,
  language,
  onChange,
  label,
  onPaste,
}: {
  value: string;
  language: string;
  onChange: (v: string) => void;
  label: string;
  /** The pasted text, before the editor inserts it (the attempt timeline records pastes). */
  onPaste?: (text: string) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const lang = useRef(new Compartment());
  const changed = useRef(onChange);
  changed.current = onChange;
  const pasted = useRef(onPaste);
  pasted.current = onPaste;

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          indentOnInput(),
          bracketMatching(),
          highlightActiveLine(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          lang.current.of([]),
          // tabindex: axe counts a contenteditable as focusable only with it (scrollable-region-focusable).
          EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
          EditorView.updateListener.of((u) => u.docChanged && changed.current(u.state.doc.toString())),
          EditorView.domEventHandlers({
            paste: (e) => {
              pasted.current?.(e.clipboardData?.getData('text/plain') ?? '');
              return false; // CodeMirror inserts it as usual
            },
          }),
        ],
      }),
    });
    view.current = v;
    return () => v.destroy();
    // Created once: the document is the editor's after creation (outside changes of `value` come
    // through the effect below) and the label is fixed for the editor's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    let live = true;
    const load = EDITOR_MODES[language];
    void (load ? load() : Promise.resolve<Extension>([])).then((ext) => {
      if (live) view.current?.dispatch({ effects: lang.current.reconfigure(ext) });
    });
    return () => {
      live = false;
    };
  }, [language]);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  return <div className="editor" ref={host} data-testid="code-editor" />;
}
