// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.querySelectorAll(".js-copy-link").forEach(function (button) {
    if (!navigator.clipboard) { return; }
    var status = button.parentElement.querySelector(".js-copy-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
        if (status) { status.textContent = button.getAttribute("data-copied"); }
      });
    });
  });

  document.querySelectorAll(".js-print").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // Suggestions as you type: links to the best answers, announced politely to screen readers.
  document.querySelectorAll(".js-search-suggest").forEach(function (form) {
    var input = form.querySelector("input[name=q]");
    var box = form.querySelector(".search-suggestions");
    if (!input || !box || !window.fetch) { return; }
    var timer = null;
    var latest = 0;
    function clear() { box.textContent = ""; }
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      var query = input.value.trim();
      if (query.length < 3) { clear(); return; }
      timer = window.setTimeout(function () {
        var ticket = ++latest;
        var url = form.getAttribute("data-api") + "?limit=5&lang=" + encodeURIComponent(form.getAttribute("data-lang")) +
          "&q=" + encodeURIComponent(query);
        fetch(url, { headers: { "Accept": "application/json" } }).then(function (response) {
          return response.ok ? response.json() : { results: [] };
        }).then(function (data) {
          if (ticket !== latest) { return; }
          clear();
          if (!data.results || !data.results.length) { return; }
          var label = document.createElement("p");
          label.className = "search-suggestions__label";
          label.textContent = form.getAttribute("data-label") + " (" + data.results.length + ")";
          var list = document.createElement("ul");
          data.results.forEach(function (result) {
            var item = document.createElement("li");
            var link = document.createElement("a");
            link.href = result.url;
            link.textContent = result.title;
            item.appendChild(link);
            list.appendChild(item);
          });
          box.appendChild(label);
          box.appendChild(list);
        }).catch(clear);
      }, 200);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { clear(); }
    });
  });
})();
