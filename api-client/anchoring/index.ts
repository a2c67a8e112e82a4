export { anchor, type AnchorResult } from './anchor';
export { anchorAll, type AnchorAllOptions } from './anchor-all';
export { CONTEXT_LENGTH, describe, DescribeError } from './describe';
export { samePlace } from './same-place';
export { highlight, HIGHLIGHT_NAME, MARK_TAG, type HighlightOptions } from './highlight';
export { buildTextModel, type TextModel } from './text-model';
