// The .docx chunk: loaded by `import()` when the sections are first downloaded, so that
// neither the first load nor the engine carries the .docx writer.

export { DOCX_MIME, sectionsToDocx } from '../../files/writeDocx';
