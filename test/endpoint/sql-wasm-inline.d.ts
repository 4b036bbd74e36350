/** sql.js with its WebAssembly inlined (no second file to serve): the same API as the package's main entry. */
declare module 'sql.js/dist/sql-wasm-inline.js' {
  import initSqlJs from 'sql.js';
  export default initSqlJs;
}
