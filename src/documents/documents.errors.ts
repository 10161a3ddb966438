import { AppError } from '../common/errors/app-error';
import { DOCUMENT_KINDS } from './content/document-kinds';

// The documents' errors speak Chinese: they say which step of the procedure is missing or which
// tag of an office's template is wrong. `messageZh` repeats the message, so the web shows it as it
// is (web/src/i18n/error-message.ts).

/** The path names a kind of document there is not. */
export class UnknownDocumentKindError extends AppError {
  constructor(kind: string) {
    const message = `没有“${kind}”这种文书；可用的有：${DOCUMENT_KINDS.join('、')}`;
    super(404, 'DOCUMENT.UNKNOWN_KIND', message, undefined, { messageZh: message });
  }
}

/** The negotiation has not reached the step the document records: its state, not the request, is at odds. */
export class DocumentNotAvailableError extends AppError {
  constructor(kind: string, title: string, reason: string) {
    const message = `${title}暂不能生成：${reason}`;
    super(409, 'DOCUMENT.NOT_AVAILABLE', message, undefined, { messageZh: message, kind, reason });
  }
}

/**
 * A template the deployment supplied (DOCUMENT_TEMPLATES_DIR) cannot be filled: the deployment's
 * fault, not the client's, hence a 500 with its own code. The message names the template file and
 * the tags; nothing but this answer is sent.
 */
export class DocumentTemplateInvalidError extends AppError {
  constructor(
    readonly template: string,
    readonly problems: readonly string[],
  ) {
    const message = `文书模板 ${template} 有误：${problems.join('；')}`;
    super(500, 'DOCUMENT.TEMPLATE_INVALID', message, undefined, { messageZh: message, template });
  }
}
