// The dataset editor's island, loaded only on the dataset pages: CodeMirror
// 6 editors for custom SQL (highlighting, completion of the data source's
// table names and of a table's columns, fetched once per table) and for calculated fields (completion of the dataset's
// fields and the language's functions with their reference, a check at
// the server as one types, with the error's position marked, and a
// preview of the first values). The editors keep their textarea's value,
// so the htmx forms post what was typed.
import { EditorView, keymap, Decoration } from "@codemirror/view";
import { EditorState, StateField, StateEffect } from "@codemirror/state";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { syntaxHighlighting, defaultHighlightStyle } from "@codemirror/language";
import { autocompletion, completionKeymap } from "@codemirror/autocomplete";
import { sql } from "@codemirror/lang-sql";

// The reference of the calculation language's functions, from the page.
function functions() {
  return [...document.querySelectorAll(".ds-functions dt[data-fn]")].map((dt) => ({
    name: dt.dataset.fn,
    signature: dt.textContent.trim(),
    description: dt.nextElementSibling ? dt.nextElementSibling.textContent.trim() : "",
  }));
}

// exprCompletions completes {field} names, ${Parameter} names (an
// analysis's calculated fields read parameters) and function names.
function exprCompletions(fields, fns, params = []) {
  return (ctx) => {
    const param = params.length ? ctx.matchBefore(/\$\{[^}]*/) : null;
    if (param) {
      return { from: param.from, options: params.map((p) => ({ label: "${" + p + "}", type: "constant" })), validFor: /^\$\{[^}]*$/ };
    }
    const field = ctx.matchBefore(/\{[^}]*/);
    if (field) {
      return {
        from: field.from,
        options: fields.map((f) => ({ label: "{" + f + "}", type: "variable" })),
        validFor: /^\{[^}]*$/,
      };
    }
    const word = ctx.matchBefore(/[A-Za-z_]\w*/);
    if (!word && !ctx.explicit) return null;
    return {
      from: word ? word.from : ctx.pos,
      options: fns.map((f) => ({ label: f.name, type: "function", detail: f.signature, info: f.description, apply: f.name + "(" })),
      validFor: /^\w*$/,
    };
  };
}

// tableColumns fetches the columns of a table of the editor's data source
// once; the page keeps the answer (or the failure, as no columns).
const columnCache = new Map();
function tableColumns(ta, table) {
  const key = ta.dataset.source + "\u0000" + table;
  if (!columnCache.has(key)) {
    const q = new URLSearchParams({ source: ta.dataset.source, table });
    columnCache.set(
      key,
      fetch(ta.dataset.columns + "?" + q, { credentials: "same-origin", headers: { "X-Sightglass-Session": sessionToken() } })
        .then((resp) => (resp.ok ? resp.json() : { columns: [] }))
        .then((res) => res.columns || [])
        .catch(() => []),
    );
  }
  return columnCache.get(key);
}

// Words that may follow a table name without being its alias.
const notAlias = new Set(
  "WHERE JOIN ON LEFT RIGHT INNER OUTER FULL CROSS NATURAL GROUP ORDER LIMIT OFFSET HAVING UNION EXCEPT INTERSECT USING WINDOW AS".split(" "),
);

// tablesOf maps the names and aliases of the data source's tables that a
// statement names after FROM or JOIN to the table's name.
function tablesOf(text, known) {
  const out = new Map();
  const re = /\b(?:FROM|JOIN)\s+[`"]?(\w+)[`"]?(?:\s+(?:AS\s+)?(\w+))?/gi;
  for (const m of text.matchAll(re)) {
    const table = known.get(m[1].toLowerCase());
    if (!table) continue;
    out.set(m[1].toLowerCase(), table);
    if (m[2] && !notAlias.has(m[2].toUpperCase())) out.set(m[2].toLowerCase(), table);
  }
  return out;
}

// sqlColumnCompletions completes the columns of a table: after "t." (t a
// table of the source or an alias the statement gives one), and, for a
// bare word, the columns of the tables the statement reads FROM or JOINs.
function sqlColumnCompletions(ta, tables) {
  const known = new Map(tables.map((t) => [t.toLowerCase(), t]));
  const options = (cols, table) => cols.map((c) => ({ label: c.name, type: "property", detail: c.type, boost: table ? 1 : 0 }));
  return async (ctx) => {
    const doc = ctx.state.doc.toString();
    const dotted = ctx.matchBefore(/[`"]?(\w+)[`"]?\.\w*/);
    if (dotted) {
      const [name] = dotted.text.split(".");
      const qual = name.replace(/[`"]/g, "").toLowerCase();
      const table = known.get(qual) || tablesOf(doc, known).get(qual);
      if (!table) return null;
      const cols = await tableColumns(ta, table);
      return { from: dotted.from + dotted.text.indexOf(".") + 1, options: options(cols, table), validFor: /^\w*$/ };
    }
    const word = ctx.matchBefore(/\w+/);
    if (!word && !ctx.explicit) return null;
    const named = [...new Set(tablesOf(doc, known).values())];
    if (!named.length) return null;
    const lists = await Promise.all(named.map((t) => tableColumns(ta, t)));
    return { from: word ? word.from : ctx.pos, options: lists.flatMap((cols) => options(cols)), validFor: /^\w*$/ };
  };
}

// The mark of the error's position in a calculated field.
const setError = StateEffect.define();
const errorMark = Decoration.mark({ class: "cm-sg-error" });
const errorField = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setError)) continue;
      const len = tr.state.doc.length;
      if (e.value == null || len === 0) return Decoration.none;
      const from = Math.min(Math.max(e.value, 0), len - 1);
      return Decoration.set([errorMark.range(from, from + 1)]);
    }
    return marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

function sessionToken() {
  return document.querySelector('meta[name="sg-session"]')?.content || "";
}

// check asks the server to check a calculated field against the draft;
// an answer that a later check overtook is dropped.
let checks = 0;
async function check(form, view, out) {
  const seq = ++checks;
  const body = new URLSearchParams();
  body.set("draft", document.getElementById("ds-draft")?.value || "");
  body.set("name", form.querySelector('[name="name"]')?.value || "");
  body.set("expression", view.state.doc.toString());
  const dataSet = form.querySelector('[name="dataSetIdentifier"]')?.value; // an analysis's calculated field
  if (dataSet) body.set("dataSetIdentifier", dataSet);
  let res;
  try {
    const resp = await fetch(form.dataset.check, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-Sightglass-Session": sessionToken(), "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });
    if (seq !== checks) return;
    if (!resp.ok) {
      out.textContent = (await resp.text()).replace(/<[^>]*>/g, "");
      out.dataset.ok = "false";
      return;
    }
    res = await resp.json();
  } catch {
    return;
  }
  if (seq !== checks) return;
  out.dataset.ok = String(res.ok);
  if (res.ok) {
    out.textContent = "✓ " + res.type + (res.values?.length ? ": " + res.values.join(", ") : "");
    view.dispatch({ effects: setError.of(null) });
  } else {
    out.textContent = res.message;
    view.dispatch({ effects: setError.of(res.position ? res.position - 1 : null) });
  }
}

// mount replaces a textarea[data-cm] by an editor that keeps its value.
function mount(ta) {
  if (ta.dataset.cmMounted) return;
  ta.dataset.cmMounted = "1";
  const kind = ta.dataset.cm;
  const form = ta.closest("form");
  const out = form?.querySelector(".ds-calc-check");
  let timer = 0;
  const extensions = [
    history(),
    keymap.of([...defaultKeymap, ...historyKeymap, ...completionKeymap]),
    syntaxHighlighting(defaultHighlightStyle),
    EditorView.lineWrapping,
    EditorView.updateListener.of((u) => {
      if (!u.docChanged) return;
      ta.value = u.state.doc.toString();
      if (kind === "expr" && form?.dataset.check && out) {
        clearTimeout(timer);
        timer = setTimeout(() => check(form, u.view, out), 250);
      }
    }),
  ];
  if (kind === "sql") {
    const schema = {};
    const tables = (ta.dataset.tables || "").split(",").filter(Boolean);
    for (const t of tables) schema[t] = [];
    const lang = sql({ schema, upperCaseKeywords: true });
    extensions.push(lang, autocompletion());
    if (ta.dataset.columns && ta.dataset.source) extensions.push(lang.language.data.of({ autocomplete: sqlColumnCompletions(ta, tables) }));
  } else {
    const fields = (ta.dataset.fields || "").split("\n").filter(Boolean);
    const params = (ta.dataset.parameters || "").split("\n").filter(Boolean);
    extensions.push(autocompletion({ override: [exprCompletions(fields, functions(), params)] }), errorField);
  }
  const view = new EditorView({ state: EditorState.create({ doc: ta.value, extensions }), parent: ta.parentNode });
  ta.parentNode.insertBefore(view.dom, ta);
  ta.hidden = true;
  ta.cmView = view;
}

// Clicking a function of the reference inserts it into the calculated
// field's editor.
document.addEventListener("click", (ev) => {
  const dt = ev.target.closest?.(".ds-functions dt[data-fn]");
  const view = document.querySelector('textarea[data-cm="expr"]')?.cmView;
  if (!dt || !view) return;
  view.dispatch(view.state.replaceSelection(dt.dataset.fn + "("));
  view.focus();
});

function mountAll(root) {
  root.querySelectorAll?.("textarea[data-cm]").forEach(mount);
}

if (!window.sgDataSetEditor) {
  window.sgDataSetEditor = true;
  document.addEventListener("htmx:afterSettle", (ev) => mountAll(ev.target));
}
mountAll(document);
