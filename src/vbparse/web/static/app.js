// vbparse pages: upload progress, field → source line highlighting, in-place correction.
// Plain JavaScript, no library, no network but this server.
"use strict";
(function () {
  var csrf = document.querySelector('meta[name="csrf-token"]').content;

  function text(el, value) { el.textContent = value; return el; }

  // --- Nhập văn bản: one progress line per file, each uploaded on its own -----------------
  var form = document.getElementById("upload-form");
  if (form) {
    var input = document.getElementById("files");
    var drop = document.getElementById("drop");
    var list = document.getElementById("progress");
    ["dragenter", "dragover"].forEach(function (ev) {
      drop.addEventListener(ev, function (e) { e.preventDefault(); drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (ev) {
      drop.addEventListener(ev, function () { drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (e) {
      e.preventDefault();
      input.files = e.dataTransfer.files;
      form.requestSubmit();
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var files = Array.prototype.slice.call(input.files);
      var rows = files.map(function (file) {
        var li = document.createElement("li");
        li.appendChild(text(document.createElement("b"), file.name));
        li.appendChild(document.createTextNode(" — "));
        var state = text(document.createElement("span"), form.dataset.waiting);
        state.className = "state";
        li.appendChild(state);
        list.appendChild(li);
        return {file: file, li: li, state: state};
      });
      var next = 0;
      function work() {  // two at a time: the server's pool is small anyway
        if (next >= rows.length) return Promise.resolve();
        var row = rows[next++];
        return upload(row).then(work);
      }
      Promise.all([work(), work()]).then(function () { input.value = ""; });
    });
  }

  function upload(row) {
    text(row.state, form.dataset.working);
    var body = new FormData();
    body.append("file", row.file);
    return fetch("/api/parse", {method: "POST", body: body, headers: {"X-CSRF-Token": csrf}})
      .then(function (r) { return r.json().then(function (j) { return {ok: r.ok, json: j}; }); })
      .then(function (res) {
        row.state.textContent = "";
        if (res.ok) {
          row.li.className = "done";
          var a = text(document.createElement("a"), res.json.number.raw || row.file.name);
          a.href = "/documents/" + res.json.id;
          a.className = "result";
          row.state.appendChild(a);
          row.state.appendChild(document.createTextNode(" " + (res.json.subject || "")));
        } else {
          row.li.className = "failed";
          var msg = res.json.error ? res.json.error.message : String(res.json);
          row.state.appendChild(text(document.createElement("span"), form.dataset.failed + ": " + msg)).className = "reason";
        }
      })
      .catch(function (err) {
        row.li.className = "failed";
        text(row.state, form.dataset.failed + ": " + err);
      });
  }

  // --- Văn bản: a click on a field or a finding highlights its source line(s) --------------
  var lines = document.getElementById("lines");
  function highlight(owner) {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    lines.querySelectorAll("li.hl").forEach(function (el) { el.classList.remove("hl"); });
    owner.classList.add("active");
    var first = null;
    (owner.dataset.lines || "").split(" ").forEach(function (n) {
      var li = n !== "" && document.getElementById("L" + n);
      if (li) { li.classList.add("hl"); first = first || li; }
    });
    // Scroll the source pane only, not the page: the field clicked stays where it was.
    if (first) lines.scrollTop = first.offsetTop - lines.clientHeight / 2;
  }
  if (lines) {
    document.querySelectorAll(".field .value, .finding, .linked").forEach(function (el) {
      var owner = el.matches("[data-lines]") ? el : el.closest("[data-lines]");
      el.addEventListener("click", function () { highlight(owner); });
      el.addEventListener("keydown", function (e) { if (e.key === "Enter") highlight(owner); });
    });
    document.querySelectorAll("tr.field button.edit").forEach(function (button) {
      var editor = button.parentNode.querySelector("form.correct");
      if (!editor) return;
      // Without this script every field shows its form; with it, a click on Sửa opens one.
      editor.hidden = true;
      button.hidden = false;
      button.addEventListener("click", function () {
        editor.hidden = false;
        button.hidden = true;
        editor.querySelector("input[name=value]").focus();
      });
      editor.querySelector("button.cancel").addEventListener("click", function () {
        editor.hidden = true;
        button.hidden = false;
      });
    });
  }
})();
