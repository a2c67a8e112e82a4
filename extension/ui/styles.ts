/**
 * The in-page UI's look: the DSFR's colours and type, set on every element we
 * draw, since nothing may be inherited from the page (the host resets it all).
 */
export const panelCss = `
.panel {
  position: absolute; box-sizing: border-box; width: min(24rem, calc(100vw - 16px));
  max-height: min(36rem, calc(100vh - 32px)); overflow: auto;
  padding: 16px; background: #fff; color: #161616;
  border: 1px solid #3a3a3a; border-radius: 4px; box-shadow: 0 4px 16px rgb(0 0 18 / 0.3);
  font: 16px/1.5 Marianne, Arial, sans-serif; text-align: left; letter-spacing: normal; word-spacing: normal;
}
.panel *, .panel *::before, .panel *::after { box-sizing: border-box; font-family: inherit; letter-spacing: inherit; }
/*
 * The composer fits the viewport (placed by composer.tsx) and scrolls inside itself when
 * the viewport is small (a phone, a 200 % zoom): its fields scroll, "Envoyer" stays in view.
 */
.composer-panel { display: flex; flex-direction: column; overflow: hidden; max-height: min(36rem, calc(100vh - 16px)); }
.composer-panel .composer { display: flex; flex-direction: column; min-height: 0; flex: 1 1 auto; margin: 0; }
.composer-panel .scroll { overflow: auto; min-height: 0; flex: 1 1 auto; padding: 2px; }
.composer-panel textarea { min-height: 4.5rem; }
.composer-panel .actions { flex: none; }
.signature { font-size: 14px; color: #3a3a3a; margin: 0 0 8px; }
button.link {
  padding: 0; border: 0; background: none; color: #000091; text-decoration: underline; font-size: 14px;
}
h2 { margin: 0 0 8px; font-size: 18px; line-height: 1.4; font-weight: 700; color: #161616; }
p { margin: 0 0 8px; }
.quote {
  margin: 0 0 12px; padding: 4px 0 4px 12px; border-left: 4px solid #6a6af4; color: #3a3a3a;
  font-style: italic; max-height: 6em; overflow: auto;
}
.field { display: flex; flex-direction: column; gap: 4px; margin: 0 0 12px; }
label { font-weight: 500; color: #161616; }
.hint { font-size: 14px; color: #666; }
textarea, input, select {
  font: inherit; color: #161616; background: #eee; border: 0; border-bottom: 2px solid #3a3a3a;
  border-radius: 4px 4px 0 0; padding: 8px 12px; width: 100%; margin: 0;
}
textarea { min-height: 7rem; resize: vertical; }
[aria-invalid="true"] { border-bottom-color: #ce0500; }
.error { color: #ce0500; font-size: 14px; margin: 0; }
.count { font-size: 14px; color: #666; }
.count.over { color: #ce0500; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
button {
  font: 500 16px/1.5 Marianne, Arial, sans-serif; cursor: pointer; margin: 0;
  padding: 8px 16px; border-radius: 0; border: 1px solid #000091;
}
.primary { color: #fff; background: #000091; }
.primary:hover { background: #1212ff; }
.secondary { color: #000091; background: #fff; }
.secondary:hover { background: #f6f6f6; }
button:focus-visible, textarea:focus-visible, input:focus-visible, select:focus-visible {
  outline: 2px solid #0a76f6; outline-offset: 2px;
}
.status { margin: 8px 0 0; font-size: 14px; color: #3a3a3a; min-height: 1.5em; }
.status.problem { color: #ce0500; }
ul { list-style: none; margin: 0; padding: 0; }
li { margin: 0 0 12px; padding: 0 0 12px; border-bottom: 1px solid #ddd; }
li:last-child { border-bottom: 0; }
.meta { font-size: 14px; color: #666; margin: 0 0 4px; }
.badge {
  display: inline-block; margin-right: 8px; padding: 0 8px; border-radius: 4px;
  font-size: 12px; font-weight: 700; text-transform: uppercase; color: #161616; background: #e3e3fd;
}
.body { white-space: pre-wrap; overflow-wrap: anywhere; }
.reply { margin: 8px 0 0; padding: 8px; background: #f5f5fe; }
.answer { margin: 8px 0 0; padding: 8px; background: #f5f5fe; border-left: 3px solid #000091; }
.answer p { margin: 0; }
.answer .answer-body { margin-top: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
.support { margin: 8px 0 0; }
.support-toggle { color: #000091; background: #fff; padding: 4px 12px; }
.support-toggle[aria-pressed="true"] { color: #fff; background: #000091; }
.support-toggle:hover { background: #f6f6f6; }
.support-toggle[aria-pressed="true"]:hover { background: #1212ff; }
`;
