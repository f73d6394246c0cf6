// The notice sanitizer of <formakit-catalog>: DOMPurify on a strict allow-list. Its own module
// (pkg/widget/sanitize.js), which the widget imports when a detail first opens, so a visit that
// opens none never downloads DOMPurify. Synchronous here; the widget's exports are async.
import createDOMPurify from "dompurify";

let purifier = null;
function purify(html, config) {
  if (!purifier) {
    purifier = createDOMPurify(window); // an instance of our own: the host's DOMPurify hooks are not touched
    // hrefs other than http, https and mailto are dropped by ALLOWED_URI_REGEXP; every link
    // gets rel, web links open in a new tab
    purifier.addHook("afterSanitizeAttributes", (node) => {
      if (node.nodeName === "A") {
        node.setAttribute("rel", "noopener noreferrer");
        if (/^https?:/i.test(node.getAttribute("href") ?? "")) node.setAttribute("target", "_blank");
      }
    });
  }
  return purifier.sanitize(String(html ?? ""), {
    ALLOWED_TAGS: ["p", "br", "ul", "ol", "li", "em", "strong", "b", "i", "h3", "h4", "h5", "h6", "a"],
    ALLOWED_ATTR: ["href"],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ...config,
  });
}
/** Sanitized notice HTML as a DocumentFragment (never assigned through innerHTML). */
export const sanitizeNotice = (html) => purify(html, { RETURN_DOM_FRAGMENT: true });
/** The same, serialized: for tests and for partners who want to check the rules. */
export const sanitizeNoticeToString = (html) => purify(html);
