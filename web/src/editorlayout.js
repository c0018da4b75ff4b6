// The analysis editor's layout: each tile of the sheet gets a move handle
// and a resize handle. Dragging them (pointer) or pressing the arrow keys
// on them (keyboard: arrows move or resize by one grid cell, Enter places,
// Escape cancels) previews the tile's place on the 36-column grid; the
// drop (or Enter) sends one "tile" action with the tile's ColumnIndex,
// RowIndex, ColumnSpan and RowSpan, as the format panel's form does.

const COLUMNS = 36;
const MAX_ROW_SPAN = 21;

// cellSize returns a grid's column and row pitch in pixels (track plus
// gap).
function cellSize(grid) {
  const cs = getComputedStyle(grid);
  const gap = parseFloat(cs.columnGap) || 0;
  const rowGap = parseFloat(cs.rowGap) || 0;
  const rect = grid.getBoundingClientRect();
  const colW = (rect.width + gap) / COLUMNS;
  const rowH = (parseFloat(cs.gridAutoRows) || 24) + rowGap;
  return { rect, colW, rowH };
}

// placeOf reads a tile's place: its spans (and start, when set) from the
// style the server drew it with, a start the grid chose from where it is
// drawn.
function placeOf(tile, grid) {
  const style = tile.dataset.style || "";
  const col = /grid-column:\s*(?:(\d+)\s*\/\s*)?span\s*(\d+)/.exec(style);
  const row = /grid-row:\s*(?:(\d+)\s*\/\s*)?span\s*(\d+)/.exec(style);
  const { rect, colW, rowH } = cellSize(grid);
  const t = tile.getBoundingClientRect();
  return {
    column: col?.[1] ? Number(col[1]) - 1 : Math.max(0, Math.round((t.left - rect.left) / colW)),
    row: row?.[1] ? Number(row[1]) - 1 : Math.max(0, Math.round((t.top - rect.top) / rowH)),
    columnSpan: col ? Number(col[2]) : 18,
    rowSpan: row ? Number(row[2]) : 12,
  };
}

function clamp(p) {
  const columnSpan = Math.max(1, Math.min(COLUMNS, p.columnSpan));
  const rowSpan = Math.max(1, Math.min(MAX_ROW_SPAN, p.rowSpan));
  return { columnSpan, rowSpan, column: Math.max(0, Math.min(COLUMNS - columnSpan, p.column)), row: Math.max(0, Math.min(9009, p.row)) };
}

function preview(tile, p) {
  tile.style.gridColumn = `${p.column + 1} / span ${p.columnSpan}`;
  tile.style.gridRow = `${p.row + 1} / span ${p.rowSpan}`;
  tile.dataset.place = `${p.column},${p.row},${p.columnSpan},${p.rowSpan}`;
}

// commit sends the tile's place.
function commit(send, tile, p) {
  tile.classList.remove("dragging");
  send({ op: "tile", visual: tile.dataset.visualId, column: String(p.column), row: String(p.row), columnSpan: String(p.columnSpan), rowSpan: String(p.rowSpan) });
}

function handle(kind, label) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = `tile-handle tile-${kind}`;
  b.setAttribute("aria-label", label);
  b.title = label + " (arrow keys, then Enter)";
  b.textContent = kind === "move" ? "✥" : "◢";
  return b;
}

// mountLayout adds the handles to the tiles of the editor's sheet.
export function mountLayout(editor, send) {
  const grid = editor.querySelector(".sheet-body .grid");
  if (!grid) return;
  grid.querySelectorAll("section.tile[data-visual-id]").forEach((tile) => {
    if (tile.querySelector(".tile-handle")) return;
    tile.dataset.style = tile.getAttribute("style") || "";
    const title = tile.querySelector(".tile-title")?.textContent || tile.dataset.visualId;
    const move = handle("move", `Move ${title}`);
    const size = handle("resize", `Resize ${title}`);
    tile.prepend(move);
    tile.append(size);
    for (const h of [move, size]) {
      const resizing = h === size;
      let start = null;
      h.addEventListener("pointerdown", (ev) => {
        ev.preventDefault();
        h.setPointerCapture(ev.pointerId);
        start = { x: ev.clientX, y: ev.clientY, place: placeOf(tile, grid), cell: cellSize(grid) };
        tile.classList.add("dragging");
      });
      h.addEventListener("pointermove", (ev) => {
        if (!start) return;
        const dc = Math.round((ev.clientX - start.x) / start.cell.colW);
        const dr = Math.round((ev.clientY - start.y) / start.cell.rowH);
        const p = { ...start.place };
        if (resizing) {
          p.columnSpan += dc;
          p.rowSpan += dr;
        } else {
          p.column += dc;
          p.row += dr;
        }
        preview(tile, clamp(p));
      });
      h.addEventListener("pointerup", () => {
        if (!start) return;
        const moved = tile.dataset.place;
        start = null;
        if (moved) {
          const [column, row, columnSpan, rowSpan] = moved.split(",").map(Number);
          commit(send, tile, { column, row, columnSpan, rowSpan });
        } else tile.classList.remove("dragging");
      });
      h.addEventListener("keydown", (ev) => {
        const d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[ev.key];
        if (d) {
          ev.preventDefault();
          const cur = tile.dataset.place ? tile.dataset.place.split(",").map(Number) : null;
          const p = cur ? { column: cur[0], row: cur[1], columnSpan: cur[2], rowSpan: cur[3] } : placeOf(tile, grid);
          if (resizing) {
            p.columnSpan += d[0];
            p.rowSpan += d[1];
          } else {
            p.column += d[0];
            p.row += d[1];
          }
          tile.classList.add("dragging");
          preview(tile, clamp(p));
        } else if (ev.key === "Enter" && tile.dataset.place) {
          ev.preventDefault();
          const [column, row, columnSpan, rowSpan] = tile.dataset.place.split(",").map(Number);
          commit(send, tile, { column, row, columnSpan, rowSpan });
        } else if (ev.key === "Escape" && tile.dataset.place) {
          ev.preventDefault();
          delete tile.dataset.place;
          tile.setAttribute("style", tile.dataset.style);
          tile.classList.remove("dragging");
        }
      });
    }
  });
}
