/**
 * Column names per table of an SQL problem's schema, so a candidate sees the example rows (stored
 * positionally, in declared column order) under their headers. A deliberately small reader of
 * `CREATE TABLE name (...)`: column definitions are the top-level comma-separated items that do
 * not start with a table constraint. It never runs the DDL; a table it cannot read is left out
 * and its rows are shown without headers.
 */
export function sqlTableColumns(schema: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const ddl = schema.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
  const create = /CREATE\s+(?:TEMP(?:ORARY)?\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?("[^"]+"|`[^`]+`|\[[^\]]+\]|[\w.]+)\s*\(/gi;
  let m: RegExpExecArray | null;
  while ((m = create.exec(ddl))) {
    const body = balanced(ddl, create.lastIndex);
    if (body === null) continue;
    const columns = splitTopLevel(body)
      .map((item) => item.trim())
      .filter((item) => item && !/^(CONSTRAINT|PRIMARY|FOREIGN|UNIQUE|CHECK)\b/i.test(item))
      .map((item) => unquote(/^("[^"]+"|`[^`]+`|\[[^\]]+\]|\S+)/.exec(item)![1]));
    out[unquote(m[1])] = columns;
  }
  return out;
}

/** The text up to the parenthesis closing the one just opened before `start`. */
function balanced(s: string, start: number): string | null {
  let depth = 1;
  let quote: string | null = null;
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return s.slice(start, i);
  }
  return null;
}

function splitTopLevel(body: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      items.push(body.slice(from, i));
      from = i + 1;
    }
  }
  items.push(body.slice(from));
  return items;
}

function unquote(name: string): string {
  return /^["`[]/.test(name) ? name.slice(1, -1) : name;
}
