/** The former name of `readDocument`, kept while other branches move over; new code imports `read-document.ts`. */
export { readDocument as parseDocument } from './read-document.ts';
