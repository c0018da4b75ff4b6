// Upload progress: the upload form's <progress> follows the bytes htmx
// has sent.
export function initUploadProgress(body) {
  body.addEventListener("htmx:xhr:progress", (ev) => {
    const bar = document.getElementById("upload-progress");
    if (!bar || !ev.detail.lengthComputable) return;
    bar.hidden = false;
    bar.value = Math.round((ev.detail.loaded / ev.detail.total) * 100);
  });
}
