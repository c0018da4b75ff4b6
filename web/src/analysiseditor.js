// The analysis editor's island, loaded only on editor pages: field wells
// take fields by drag and drop (SortableJS) — from the fields pane, from
// another well, or reordered within one — and the fields pane filters as
// the author types. Every drop is one POST of the same editor action the
// page's buttons send ("Add to …" is the keyboard and click way), and the
// server answers with the editor re-rendered.
import Sortable from "sortablejs";
import { initKindForms } from "./editor-forms.js";
import { mountLayout } from "./editorlayout.js";

function editor() {
  return document.getElementById("editor");
}

// send posts an editor action with the page's version, sheet and
// selection; htmx adds the session header and swaps the answer in.
function send(values) {
  const ed = editor();
  if (!ed) return;
  window.htmx.ajax("POST", ed.dataset.base, {
    target: "#editor",
    swap: "outerHTML",
    values: { version: ed.dataset.version, sheetId: ed.dataset.sheetId, visual: ed.dataset.selected, fieldsDataSet: ed.dataset.fieldsDataSet, ...values },
  });
}

let sortables = [];

function init() {
  const ed = editor();
  sortables.forEach((s) => s.destroy());
  sortables = [];
  if (!ed) return;
  const list = ed.querySelector(".field-list");
  if (list) {
    sortables.push(Sortable.create(list, { group: { name: "fields", pull: "clone", put: false }, sort: false, filter: "details", preventOnFilter: false }));
  }
  ed.querySelectorAll(".well").forEach((well) => {
    sortables.push(
      Sortable.create(well, {
        group: { name: "fields", pull: true, put: true },
        filter: "details",
        preventOnFilter: false,
        onAdd(ev) {
          const item = ev.item;
          const target = ev.to.dataset.well;
          if (item.classList.contains("field")) {
            send({ op: "add-field", well: target, dataset: item.dataset.dataset, column: item.dataset.column, index: String(ev.newIndex) });
          } else {
            send({ op: "move-field", field: item.dataset.fieldId, well: target, index: String(ev.newIndex) });
          }
        },
        onUpdate(ev) {
          send({ op: "move-field", field: ev.item.dataset.fieldId, well: ev.to.dataset.well, index: String(ev.newIndex) });
        },
      }),
    );
  });
  initKindForms(ed);
  mountLayout(ed, send);
  const search = ed.querySelector(".field-search");
  search?.addEventListener("input", () => {
    const q = search.value.trim().toLowerCase();
    ed.querySelectorAll(".field-list .field").forEach((li) => {
      li.hidden = q !== "" && !li.dataset.column.toLowerCase().includes(q);
    });
  });
}

function initNew() {
  const search = document.querySelector(".dataset-search");
  search?.addEventListener("input", () => {
    const q = search.value.trim().toLowerCase();
    document.querySelectorAll(".dataset-list li").forEach((li) => {
      li.hidden = q !== "" && !li.textContent.toLowerCase().includes(q);
    });
  });
}

// A click on a visual's tile selects it, as its link above the sheet does.
// (htmx runs this script again on each editor page it swaps in: the
// document-wide listeners are added once.)
const once = !window.sgAnalysisEditor;
window.sgAnalysisEditor = true;
if (once) document.body.addEventListener("click", (ev) => {
  const tile = ev.target.closest?.("#editor .tile[data-visual-id]");
  if (!tile || ev.target.closest("a, button, input, select, summary")) return;
  const link = [...document.querySelectorAll("#editor .visual-chooser a[data-visual-id]")].find((a) => a.dataset.visualId === tile.dataset.visualId);
  if (link && !link.hasAttribute("aria-current")) link.click();
});

init();
initNew();
if (once) document.body.addEventListener("htmx:afterSettle", init);
