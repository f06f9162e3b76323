export { dutchDate, dutchDateTime, validUntil } from './dutch-format';
export { SHORTLIST_PAGE_CSP, SHORTLIST_PAGE_CSS, SHORTLIST_PAGE_STYLE_HASH } from './page-styles';
export {
  ANSWER_FORM_FIELDS,
  renderShortlistMessage,
  renderShortlistPage,
  type AnswerFormField,
  type ShortlistPageNotice,
  type ShortlistPageOptions,
} from './render-page';
export { renderShortlistPdf } from './render-pdf';
