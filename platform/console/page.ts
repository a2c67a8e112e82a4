import type { Locale } from '../../api-client/contract';

/** The console's one HTML page: no inline script or style, so the CSP can forbid them. */
export function consolePage(locale: Locale): string {
  const fr = locale === 'fr';
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
<noscript><p>${fr ? 'La console a besoin de JavaScript.' : 'The console needs JavaScript.'}</p></noscript>
</body>
</html>
`;
}
