// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.querySelectorAll(".js-copy-link").forEach(function (button) {
    if (!navigator.clipboard) { return; }
    var status = button.parentElement.querySelector(".js-copy-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      // The page's own link keeps the section the reader has open (#anchor in the address).
      var link = button.getAttribute("data-copy");
      if (button.hasAttribute("data-keep-section") && window.location.hash) {
        link += window.location.hash;
      }
      navigator.clipboard.writeText(link).then(function () {
        if (status) { status.textContent = button.getAttribute("data-copied"); }
      });
    });
  });

  // A long answer's sections as DKFDS's accordion, closed except the one the address points to,
  // so a reader on a phone sees the headings first. Without JavaScript every section stays open,
  // and a printed answer shows them all (site.css).
  document.querySelectorAll(".answer__body[data-accordion]").forEach(function (body) {
    var headings = Array.prototype.filter.call(body.children, function (child) { return child.tagName === "H2" && child.id; });
    if (!headings.length) { return; }
    var list = document.createElement("ul");
    list.className = "accordion";
    body.insertBefore(list, headings[0]);
    var sections = headings.map(function (heading) {
      var content = document.createElement("div");
      content.className = "accordion-content";
      content.id = heading.id + "-indhold";
      var next = heading.nextSibling;
      while (next && !(next.nodeType === 1 && next.tagName === "H2" && next.id)) {
        var moving = next;
        next = next.nextSibling;
        content.appendChild(moving);
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "accordion-button";
      button.setAttribute("aria-controls", content.id);
      while (heading.firstChild) { button.appendChild(heading.firstChild); }
      heading.appendChild(button);
      var item = document.createElement("li");
      item.appendChild(heading);
      item.appendChild(content);
      list.appendChild(item);
      return { item: item, button: button, content: content };
    });
    var bulk = document.createElement("button");
    bulk.type = "button";
    bulk.className = "accordion-bulk-button";
    body.insertBefore(bulk, list);
    function show(section, open) {
      section.button.setAttribute("aria-expanded", String(open));
      section.content.setAttribute("aria-hidden", String(!open));
    }
    function updateBulk() {
      var allOpen = sections.every(function (section) { return section.button.getAttribute("aria-expanded") === "true"; });
      bulk.setAttribute("data-accordion-bulk-expand", String(!allOpen));
      bulk.textContent = body.getAttribute(allOpen ? "data-close-all" : "data-open-all");
    }
    function openTarget() {
      var id;
      try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (error) { return; }  // a malformed address
      var target = id && document.getElementById(id);
      if (!target) { return; }
      sections.forEach(function (section) {
        if (section.item.contains(target)) {
          show(section, true);
          target.scrollIntoView();
        }
      });
      updateBulk();
    }
    sections.forEach(function (section) {
      show(section, false);
      section.button.addEventListener("click", function () {
        show(section, section.button.getAttribute("aria-expanded") !== "true");
        updateBulk();
      });
    });
    bulk.addEventListener("click", function () {
      var open = bulk.getAttribute("data-accordion-bulk-expand") === "true";
      sections.forEach(function (section) { show(section, open); });
      updateBulk();
    });
    // A link to a section on this page (the contents, or the same address clicked again) opens it.
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href^='#']");
      if (link) { window.setTimeout(openTarget, 0); }
    });
    window.addEventListener("hashchange", openTarget);
    updateBulk();
    openTarget();
  });

  // Switching language keeps the section the reader has open.
  document.querySelectorAll(".js-keep-section").forEach(function (link) {
    link.addEventListener("click", function () {
      if (window.location.hash) { link.href = link.href.split("#")[0] + window.location.hash; }
    });
  });

  // The printed page says when it was printed (a cached page cannot know).
  document.querySelectorAll(".js-print-date").forEach(function (span) {
    var locale = span.getAttribute("data-lang") === "en" ? "en-GB" : "da-DK";
    span.textContent = ", " + new Date().toLocaleDateString(locale, { day: "numeric", month: "long", year: "numeric" });
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
        var url = form.getAttribute("data-api") + "?limit=5&complete=1&lang=" + encodeURIComponent(form.getAttribute("data-lang")) +
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

  // The chat as a live conversation: the reply is added to the log (a live region, so screen
  // readers announce it) and focus stays in the text field. Without JavaScript the form posts.
  document.querySelectorAll(".js-chat").forEach(function (form) {
    var log = document.querySelector(".chat-log");
    var field = form.querySelector("textarea[name=message]");
    if (!log || !field || !window.fetch) { return; }
    // The message before the one being sent, so a follow-up keeps the conversation's topic: the
    // last one the page was rendered with, then each one sent from here.
    var rendered = form.querySelectorAll("input[name=history]");
    var previous = rendered.length ? rendered[rendered.length - 1].value : null;
    function bubble(kind, who) {
      var box = document.createElement("div");
      box.className = "chat-message chat-message--" + kind;
      var label = document.createElement("p");
      label.className = "chat-message__who";
      label.textContent = who;
      box.appendChild(label);
      return box;
    }
    function paragraph(box, text) {
      var p = document.createElement("p");
      p.textContent = text;
      box.appendChild(p);
      return p;
    }
    function link(parent, title, url) {
      var a = document.createElement("a");
      a.href = url;
      a.textContent = title;
      parent.appendChild(a);
      return a;
    }
    form.addEventListener("submit", function (event) {
      var message = field.value;
      if (message.length > 1000) { return; }
      event.preventDefault();
      var you = bubble("you", log.getAttribute("data-you"));
      paragraph(you, message);
      log.appendChild(you);
      var history = document.createElement("input");
      history.type = "hidden";
      history.name = "history";
      history.value = message;
      form.appendChild(history);  // after the earlier ones: the form keeps them in order
      field.value = "";
      fetch(form.getAttribute("data-api"), {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify({ message: message, lang: form.getAttribute("data-lang"), previous: previous })
      }).then(function (response) {
        previous = message;
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      }).then(function (data) {
        var bot = bubble("bot", log.getAttribute("data-bot"));
        var view = data.view;
        view.paragraphs.forEach(function (text) { paragraph(bot, text); });
        if (view.quote) {
          var quote = document.createElement("blockquote");
          quote.className = "chat-quote";
          paragraph(quote, view.quote);
          if (view.legal_ref) {
            var source = document.createElement("footer");
            source.textContent = view.legal_ref;
            quote.appendChild(source);
          }
          bot.appendChild(quote);
        } else if (view.legal_ref) {
          paragraph(bot, "(" + view.legal_ref + ")").className = "legal-ref";
        }
        if (view.primary) {
          var p = paragraph(bot, "");
          link(p, view.primary.title, view.primary.url);
        }
        if (view.others.length) {
          if (view.others_intro) { paragraph(bot, view.others_intro); }
          var list = document.createElement("ul");
          view.others.forEach(function (item) {
            var li = document.createElement("li");
            link(li, item.title, item.url);
            list.appendChild(li);
          });
          bot.appendChild(list);
        }
        if (data.action) {
          var a = link(paragraph(bot, ""), view.action_label, data.action.url);
          a.className = "button button-secondary";
        }
        log.appendChild(bot);
      }).catch(function () {
        var bot = bubble("bot", log.getAttribute("data-bot"));
        paragraph(bot, form.getAttribute("data-error"));
        log.appendChild(bot);
      }).then(function () { field.focus(); });
    });
  });
})();
