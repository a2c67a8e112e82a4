import { css } from 'lit';

/**
 * The default look sits on a DSFR page (Marianne, blue France, square inputs with a
 * bottom border). Every colour and size is a custom property, so a host page themes
 * the widget without reaching into it; `::part()` exposes the main blocks.
 */
export const feedbackStyles = css`
  /*
   * One palette, light and dark (light-dark() follows color-scheme): the page's DSFR
   * theme when it sets one (reflected as the theme attribute), else the system's.
   */
  :host {
    color-scheme: light dark;
    --_text: var(--vigie-color-text, light-dark(#161616, #cecece));
    --_muted: var(--vigie-color-muted, light-dark(#3a3a3a, #cecece));
    --_bg: var(--vigie-color-background, light-dark(#ffffff, #161616));
    --_field-bg: var(--vigie-color-field-background, light-dark(#eeeeee, #242424));
    --_accent: var(--vigie-color-accent, light-dark(#000091, #8585f6));
    --_accent-text: var(--vigie-color-accent-text, light-dark(#ffffff, #000091));
    --_accent-hover: var(--vigie-color-accent-hover, light-dark(#1212ff, #b1b1f9));
    --_border: var(--vigie-color-border, light-dark(#dddddd, #353535));
    --_error: var(--vigie-color-error, light-dark(#ce0500, #ff5655));
    --_success: var(--vigie-color-success, light-dark(#18753c, #27a658));
    --_focus: var(--vigie-color-focus, #0a76f6);
    --_radius: var(--vigie-radius, 0.25rem);
    display: block;
    contain: content;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  /*
   * Text properties are set here rather than on :host: a host page rule such as
   * "* { color: pink }" also matches our host element and would win there, but it
   * cannot reach inside the shadow root, so nothing it sets is inherited past this.
   */
  [part='base'] {
    border: 1px solid var(--_border);
    padding: 1.5rem;
    color: var(--_text);
    background: var(--_bg);
    font-family: var(--vigie-font-family, Marianne, arial, sans-serif);
    font-size: var(--vigie-font-size, 1rem);
    font-style: normal;
    font-weight: 400;
    line-height: 1.5;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
    visibility: visible;
  }
  h2,
  h3 {
    margin: 0 0 1rem;
    font-weight: 700;
    line-height: 1.3;
    color: var(--_text);
  }
  h2 {
    font-size: 1.375rem;
  }
  h3 {
    font-size: 1.125rem;
    margin-top: 2rem;
  }
  p {
    margin: 0 0 0.75rem;
  }
  [part='commitment'] {
    margin: 0 0 1.5rem;
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_field-bg);
  }
  [part='commitment'] strong {
    display: block;
  }
  fieldset {
    border: 0;
    margin: 0 0 1.5rem;
    padding: 0;
  }
  legend {
    font-weight: 700;
    margin-bottom: 0.5rem;
    padding: 0;
  }
  .radio {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin: 0.25rem 0;
  }
  input[type='radio'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .field {
    margin: 0 0 1.5rem;
  }
  label {
    display: block;
    margin-bottom: 0.5rem;
  }
  .radio label {
    margin: 0;
  }
  .hint {
    display: block;
    font-size: 0.875rem;
    color: var(--_muted);
    margin: -0.25rem 0 0.5rem;
  }
  button + .hint {
    margin: 0.5rem 0 0;
  }
  textarea,
  input[type='text'],
  select {
    display: block;
    width: 100%;
    font: inherit;
    color: var(--_text);
    background: var(--_field-bg);
    border: 0;
    border-radius: var(--_radius) var(--_radius) 0 0;
    box-shadow: inset 0 -2px 0 0 var(--_muted);
    padding: 0.5rem 1rem;
    margin: 0;
  }
  textarea {
    min-height: 8rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    box-shadow: inset 0 -2px 0 0 var(--_error);
  }
  .count {
    display: block;
    font-size: 0.875rem;
    color: var(--_muted);
    margin-top: 0.25rem;
  }
  .count.over {
    color: var(--_error);
    font-weight: 700;
  }
  .error {
    color: var(--_error);
    font-size: 0.875rem;
    margin: 0.5rem 0 0;
  }
  button {
    font: inherit;
    font-weight: 500;
    cursor: pointer;
    border-radius: var(--_radius);
    padding: 0.5rem 1.5rem;
    min-height: 2.5rem;
    border: 1px solid var(--_accent);
    background: transparent;
    color: var(--_accent);
  }
  button[part~='submit'] {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  button[part~='submit']:hover {
    background: var(--_accent-hover);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  [part='status'] {
    margin-top: 1rem;
    min-height: 1.5rem;
  }
  [part='status'].ok {
    color: var(--_success);
  }
  [part='status'].problem {
    color: var(--_error);
  }
  .quote {
    border-inline-start: 3px solid var(--_border);
    padding-inline-start: 0.75rem;
    margin: 0 0 0.5rem;
    color: var(--_muted);
    white-space: pre-wrap;
  }
  ul[part='list'] {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  ul[part='list'] > li {
    border-top: 1px solid var(--_border);
    padding: 1rem 0;
  }
  .meta {
    font-size: 0.875rem;
    color: var(--_muted);
    margin: 0 0 0.5rem;
  }
  .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 0;
  }
  .badge {
    display: inline-block;
    font-size: 0.75rem;
    font-weight: 700;
    text-transform: uppercase;
    padding: 0 0.5rem;
    margin-inline-end: 0.5rem;
    border-radius: var(--_radius);
    background: var(--_field-bg);
    color: var(--_text);
  }
  .reply {
    margin: 0.75rem 0 0;
    padding: 0.5rem 0.75rem;
    background: var(--_field-bg);
    white-space: pre-wrap;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
`;
