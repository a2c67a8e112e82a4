// Vite's `?inline` import: the stylesheet's text, minified by the build.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
