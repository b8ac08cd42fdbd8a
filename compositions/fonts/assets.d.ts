// Font files imported by compositions become URLs (Remotion's webpack asset rule).
declare module '*.woff2' {
  const url: string;
  export default url;
}
