// Hover details for figure rows: the text of each row's SVG <title> shown in a styled tooltip that
// follows the pointer (and keyboard focus). Without script, browsers show the <title> natively.
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  if (!tip) { return; }
  var targets = document.querySelectorAll("svg .ssm-row, svg .ssm-combined, svg .relation, svg .moderators, svg .context, svg .intervention");
  function show(el, x, y) {
    tip.textContent = el.getAttribute("data-tip");
    tip.hidden = false;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.min(x + 14, window.innerWidth - w - 8);
    var top = y + 16 + h > window.innerHeight ? y - h - 10 : y + 16;
    tip.style.left = Math.max(8, left) + "px";
    tip.style.top = Math.max(8, top) + "px";
  }
  function hide() { tip.hidden = true; }
  Array.prototype.forEach.call(targets, function (el) {
    var t = el.querySelector(":scope > title");
    if (!t) { return; }
    el.setAttribute("data-tip", t.textContent);
    el.setAttribute("aria-label", t.textContent);
    t.parentNode.removeChild(t);
    el.addEventListener("mousemove", function (e) { show(el, e.clientX, e.clientY); });
    el.addEventListener("mouseleave", hide);
    el.addEventListener("focus", function () {
      var r = el.getBoundingClientRect();
      show(el, r.left + 40, r.top + r.height / 2);
    });
    el.addEventListener("blur", hide);
  });
})();
