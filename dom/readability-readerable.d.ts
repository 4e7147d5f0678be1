// Types for the one file of @mozilla/readability the content script needs: importing the package
// index would bundle the whole Readability parser (90 kB) into a script that runs on every page.
declare module '@mozilla/readability/Readability-readerable.js' {
  const isProbablyReaderable: typeof import('@mozilla/readability').isProbablyReaderable;
  export default isProbablyReaderable;
}
