// The analysis editor's kind forms (a filter, a control): a form marked
// data-kind-form shows only the inputs whose data-for names the kind its
// data-kind-select chooses, so an author sees what that kind reads.
// Hidden inputs are disabled too, so the form posts only the kind's own.
function sync(form) {
  const select = form.querySelector("[data-kind-select]");
  if (!select) return;
  form.querySelectorAll("[data-for]").forEach((el) => {
    const show = el.dataset.for.split(" ").includes(select.value);
    el.hidden = !show;
    el.querySelectorAll("input, select, textarea").forEach((i) => {
      i.disabled = !show;
    });
  });
}

export function initKindForms(root) {
  root.querySelectorAll("form[data-kind-form]").forEach(sync);
}

if (!window.sgEditorForms) {
  window.sgEditorForms = true;
  document.addEventListener("change", (ev) => {
    if (!ev.target.matches?.("[data-kind-select]")) return;
    const form = ev.target.closest("form[data-kind-form]");
    if (form) sync(form);
  });
}
