// Types for the one module of the sentiment package (5.0.2, untyped) the stance stage reads.
declare module 'sentiment/languages/en/index.js' {
  const english: { labels: Record<string, number> };
  export default english;
}
