// SheetJS's mini build has the package's types (its exports map says so); the command's
// TypeScript resolves modules the Node 10 way, which does not read exports maps.
declare module '@e965/xlsx/dist/xlsx.mini.min' {
  export * from '@e965/xlsx';
}
