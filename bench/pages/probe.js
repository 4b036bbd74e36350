// Benchmark probe (classic script, loaded first in <head>, same origin so the strict CSP allows it).
// Marks `interactive` when the page's form can take input and has been painted, the same way for the
// widget and for its static-HTML copy, and records long tasks and layout shifts from the start.
(function () {
  'use strict';
  var bench = (window.__bench = { longTasks: [], shifts: [], marks: {} });
  function observe(type, list) {
    try {
      new PerformanceObserver(function (entries) {
        entries.getEntries().forEach(function (e) {
          list.push(type === 'layout-shift' ? { startTime: e.startTime, value: e.value, hadRecentInput: e.hadRecentInput } : { startTime: e.startTime, duration: e.duration });
        });
      }).observe({ type: type, buffered: true });
    } catch (e) { /* not supported: left empty */ }
  }
  observe('longtask', bench.longTasks);
  observe('layout-shift', bench.shifts);

  /** After the next frame has been painted: rAF runs before paint, a task queued from it after. */
  function afterPaint(name) {
    return new Promise(function (resolve) {
      requestAnimationFrame(function () {
        var channel = new MessageChannel();
        channel.port1.onmessage = function () {
          bench.marks[name] = performance.now();
          performance.mark(name);
          resolve();
        };
        channel.port2.postMessage(0);
      });
    });
  }
  bench.afterPaint = afterPaint;

  var mode = document.documentElement.getAttribute('data-bench');
  if (mode === 'static') {
    // The static copy is interactive once parsed and styled (stylesheets block DOMContentLoaded's scripts).
    document.addEventListener('DOMContentLoaded', function () {
      if (document.getElementById('f-name')) afterPaint('interactive');
    });
  } else if (mode === 'signup') {
    customElements.whenDefined('involve-signup').then(function () {
      var el = document.querySelector('involve-signup');
      return el.updateComplete.then(function () {
        if (el.shadowRoot && el.shadowRoot.getElementById('f-name')) return afterPaint('interactive');
      });
    });
  } else if (mode === 'meetings') {
    document.addEventListener('involve-meetings-loaded', function (event) {
      bench.marks.loaded = performance.now();
      bench.loadedEventTime = event.timeStamp;
      bench.count = event.detail.count;
      var el = document.querySelector('involve-meetings');
      el.updateComplete.then(function () {
        return afterPaint('rendered');
      }).then(function () {
        bench.rendered = el.shadowRoot.querySelectorAll('[part~="meeting"]').length;
      });
    });
  }
})();
