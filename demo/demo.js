// Shows, on the partner page, what the widgets told the page (their public events, contract §3).
const status = document.getElementById('demo-status');
const say = (text) => {
  status.textContent = ' ' + text;
};
document.addEventListener('involve-success', (e) => {
  say(`Stored: ${e.detail.form} ${e.detail.id}. See “What the server stored”.`);
});
document.addEventListener('involve-error', (e) => {
  say(`The ${e.detail.form} form reported: ${e.detail.kind}${e.detail.status ? ' (' + e.detail.status + ')' : ''}.`);
});
document.addEventListener('involve-queued', (e) => say(`Offline: the ${e.detail.form} form will send when you are back online.`));
document.addEventListener('involve-meetings-loaded', (e) => console.info(`involve-meetings: ${e.detail.count} meetings loaded`));

// If the widgets bundle did not load (build not run), say so instead of leaving empty boxes.
setTimeout(() => {
  if (!customElements.get('involve-signup')) {
    say('The widgets did not load: run `npm run build` (or `npm start`) so /dist/involve-widgets.js exists.');
  }
}, 3000);
