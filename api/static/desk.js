// The desk's one script: opens a statement's panel in place when its highlight is clicked or
// reached with the keyboard. Every link still works without it (?statement=ID#panel).
(function () {
  "use strict";

  var FOCUS_DELAY_MS = 250;

  function start() {
    var text = document.querySelector("[data-document-id]");
    var panel = document.getElementById("panel");
    if (!text || !panel) {
      return;
    }
    var documentId = text.getAttribute("data-document-id");
    var current = panel.getAttribute("data-statement-id");
    var pending = null;
    var focusTimer = null;

    function markSelected(id) {
      var marked = document.querySelectorAll("mark.st.selected, [aria-current='true'][data-statement-id]");
      Array.prototype.forEach.call(marked, function (el) {
        el.classList.remove("selected");
        el.removeAttribute("aria-current");
      });
      var mark = document.getElementById("s-" + id);
      if (mark) {
        mark.classList.add("selected");
        mark.setAttribute("aria-current", "true");
      }
      var item = document.querySelector(".statement-item[data-statement-id='" + id + "']");
      if (item) {
        item.setAttribute("aria-current", "true");
      }
    }

    function focusPanel() {
      var heading = panel.querySelector("h2");
      if (heading) {
        heading.focus();
      }
    }

    function open(id, moveFocus) {
      if (id === current) {
        if (moveFocus) {
          focusPanel();
        }
        return;
      }
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      panel.setAttribute("aria-busy", "true");
      var url = "/documents/" + documentId + "/statements/" + id + "/panel";
      fetch(url, { signal: pending.signal, headers: { Accept: "text/html" } })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("panel " + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          panel.innerHTML = html;
          panel.setAttribute("data-statement-id", id);
          current = id;
          markSelected(id);
          history.replaceState(null, "", "?statement=" + id);
          if (moveFocus) {
            focusPanel();
          }
        })
        .catch(function (error) {
          if (error.name !== "AbortError" && moveFocus) {
            window.location.href = "/documents/" + documentId + "?statement=" + id + "#panel";
          }
        })
        .finally(function () {
          panel.removeAttribute("aria-busy");
        });
    }

    function statementLink(target) {
      var link = target.closest ? target.closest("a[data-statement-id]") : null;
      if (!link || !(text.contains(link) || link.classList.contains("statement-item"))) {
        return null;
      }
      return link;
    }

    document.addEventListener("click", function (event) {
      var link = statementLink(event.target);
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
        return;
      }
      event.preventDefault();
      clearTimeout(focusTimer);
      open(link.getAttribute("data-statement-id"), true);
    });

    text.addEventListener("focusin", function (event) {
      var link = statementLink(event.target);
      if (!link) {
        return;
      }
      clearTimeout(focusTimer);
      focusTimer = setTimeout(function () {
        open(link.getAttribute("data-statement-id"), false);
      }, FOCUS_DELAY_MS);
    });

    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && current) {
        var back = document.querySelector("a.st-link[data-statement-id='" + current + "']");
        if (back) {
          back.focus();
        }
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
