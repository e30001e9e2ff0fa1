/**
 * Runs inside the SQL isolate after sql.js's glue script. The submission is SQL text, never
 * JavaScript, so nothing here is reachable by the candidate; it still hands the host only
 * strings. Its completion value is `api(cmd, ...)`, the one function the host holds:
 *
 * - `api('init', ctl)`: instantiate sql.js from the shared compiled module (synchronously, see
 *   wasm-shims.ts); `ctl` is the shims' control object.
 * - `api('open', schema, dataJson, setup)`: a fresh in-memory database (the previous one is
 *   closed), temporary storage in memory, the problem's schema, the test's rows, its setup SQL.
 *   Returns '' or the error text (the problem's fault, not the candidate's).
 * - `api('cap', bytes)`: cap WebAssembly memory growth at the current size plus `bytes`.
 * - `api('run', sql, resultCap, dryRun)`: the submission's statements in order, each prepared
 *   when its turn comes. Returns a JSON record: `{ kind: 'rows', json }` (the last statement
 *   with result columns: `{"columns":[...],"rows":[...]}`), `compile` (a statement failed to
 *   prepare or is refused; `message`, `line`), `runtime`, `memory`, `toolarge` (`size`), or
 *   `norows` (no statement returns rows). With dryRun (the compile check on the schema alone),
 *   a runtime error stops the check without a verdict (`kind: 'unknown'`).
 */
export const SQL_HARNESS = String.raw`(function () {
  'use strict';
  const G = globalThis;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  let SQL = null;
  let db = null;
  let ctl = null;
  let initError = '';

  function hex(u) {
    let s = '';
    for (let i = 0; i < u.length; i++) s += (u[i] < 16 ? '0' : '') + u[i].toString(16);
    return s;
  }
  function unhex(s) {
    const u = new Uint8Array(s.length / 2);
    for (let i = 0; i < u.length; i++) u[i] = parseInt(s.substr(i * 2, 2), 16);
    return u;
  }
  function toSql(v) {
    return v !== null && typeof v === 'object' ? unhex(v.blob) : v;
  }
  function lineAt(sql, offset) {
    let line = 1;
    for (let i = 0; i < offset && i < sql.length; i++) if (sql.charCodeAt(i) === 10) line++;
    return line;
  }
  // Skips whitespace and comments: where the next statement really starts.
  function skipBlank(sql, i) {
    for (;;) {
      while (i < sql.length && /\s/.test(sql[i])) i++;
      if (sql.startsWith('--', i)) {
        const e = sql.indexOf('\n', i);
        i = e < 0 ? sql.length : e + 1;
      } else if (sql.startsWith('/*', i)) {
        const e = sql.indexOf('*/', i + 2);
        i = e < 0 ? sql.length : e + 2;
      } else return i;
    }
  }
  // ATTACH/DETACH would open other database files, VACUUM INTO writes one: refused outright,
  // whatever the in-memory file system would make of them.
  function refused(text) {
    const t = text.slice(skipBlank(text, 0)).replace(/^EXPLAIN(\s+QUERY\s+PLAN)?\s+/i, '');
    if (/^ATTACH\b/i.test(t)) return 'ATTACH is not allowed: the answer must use the given database only';
    if (/^DETACH\b/i.test(t)) return 'DETACH is not allowed';
    if (/^VACUUM\b[\s\S]*\bINTO\b/i.test(t)) return 'VACUUM INTO is not allowed';
    return '';
  }
  const MEMORY = /out of memory|string or blob too big|memory limit/i;
  function errorKind(e) {
    const m = e && e.message ? String(e.message) : String(e);
    return { kind: MEMORY.test(m) || (ctl && ctl.capHit()) ? 'memory' : 'runtime', message: m };
  }

  function init(c) {
    ctl = c;
    G.initSqlJs({
      instantiateWasm(imports, ok) {
        const m = G.__mainWasm;
        ok(ctl.instance(m, imports), m);
        return {};
      },
    }).then((s) => { SQL = s; }, (e) => { initError = String(e && e.message || e); });
  }

  function open(schema, dataJson, setup) {
    try {
      if (db) db.close();
    } catch (e) {
      // a broken database is replaced anyway
    }
    db = null;
    ctl.setCap(0);
    db = new SQL.Database();
    try {
      db.run('PRAGMA temp_store = MEMORY');
      if (schema) db.exec(schema);
      const data = parse(dataJson);
      for (const table of Object.keys(data)) {
        const rows = data[table];
        if (!rows.length) continue;
        const marks = rows[0].map(() => '?').join(', ');
        const stmt = db.prepare('INSERT INTO "' + table + '" VALUES (' + marks + ')');
        try {
          for (const r of rows) stmt.run(r.map(toSql));
        } finally {
          stmt.free();
        }
      }
      if (setup) db.exec(setup);
      return '';
    } catch (e) {
      return String(e && e.message || e);
    }
  }

  function run(sql, resultCap, dryRun) {
    let last = null;
    let it;
    try {
      it = db.iterateStatements(sql);
    } catch (e) {
      return stringify({ kind: 'compile', message: String(e && e.message || e), line: 1 });
    }
    for (;;) {
      const before = sql.length - it.getRemainingSQL().length;
      const line = lineAt(sql, skipBlank(sql, before));
      let step;
      try {
        step = it.next();
      } catch (e) {
        return stringify({ kind: 'compile', message: String(e && e.message || e), line });
      }
      if (step.done) break;
      const stmt = step.value;
      try {
        const why = refused(stmt.getSQL());
        if (why) return stringify({ kind: 'compile', message: why, line });
        const columns = stmt.getColumnNames();
        if (columns.length === 0) {
          while (stmt.step()) {
            // a statement without result columns (INSERT, CREATE ...): run it to the end
          }
          continue;
        }
        if (dryRun) {
          last = { columns, rows: [] };
          while (stmt.step()) {
            // run it, so that later statements that depend on it prepare
          }
          continue;
        }
        let size = stringify(columns).length + 20;
        const rows = [];
        while (stmt.step()) {
          const row = stmt.get();
          for (let i = 0; i < row.length; i++) if (row[i] instanceof Uint8Array) row[i] = { blob: hex(row[i]) };
          const text = stringify(row);
          size += text.length + 1;
          if (size > resultCap) return stringify({ kind: 'toolarge', size });
          rows.push(text);
        }
        last = '{"columns":' + stringify(columns) + ',"rows":[' + rows.join(',') + ']}';
      } catch (e) {
        if (dryRun) return stringify({ kind: 'unknown' });
        const k = errorKind(e);
        return stringify({ kind: k.kind, message: k.message, line });
      } finally {
        try {
          stmt.free();
        } catch (e) {
          // freed with the database
        }
      }
    }
    if (last === null) return stringify({ kind: 'norows', message: 'no statement returns rows (the answer is the last SELECT, VALUES or RETURNING)', line: 1 });
    return dryRun ? stringify({ kind: 'ok' }) : stringify({ kind: 'rows', json: last });
  }

  return function api(cmd, a, b, c) {
    if (cmd === 'init') return init(a);
    if (cmd === 'ready') return SQL ? '' : initError || 'sql.js did not load';
    if (cmd === 'open') return open(a, b, c);
    if (cmd === 'cap') {
      const used = ctl.used();
      ctl.setCap(used + a);
      return used;
    }
    if (cmd === 'used') return ctl.used();
    if (cmd === 'run') return run(a, b, c);
    throw new Error('unknown command');
  };
})()`;
