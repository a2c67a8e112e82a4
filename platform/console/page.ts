import type { Locale } from '../../api-client/contract';
import { platformMessage } from '../../api-client/contract/platform-messages';

/** The console's one HTML page: no inline script or style, so the CSP can forbid them. */
export function consolePage(locale: Locale): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vigie — console</title>
<link rel="stylesheet" href="/console/assets/console.css">
<script type="module" src="/console/assets/console.js"></script>
</head>
<body>
<div id="app"></div>
<noscript><p>${platformMessage('console.needs-javascript', locale)}</p></noscript>
</body>
</html>
`;
}
