/**
 * The sentences the script writes itself, read from the page (components/talk-controls.tsx
 * renders them from the site's catalogue, in the page's language): none is written twice.
 */
export interface TalkWords {
  supportOne: string;
  supportOther: string;
  supportOffline: string;
  supportUnavailable: string;
  ownReply: string;
  saved: string;
}

export function talkWords(): TalkWords {
  const data = document.getElementById('vigie-talk-words')?.dataset ?? {};
  return {
    supportOne: data.supportOne ?? '',
    supportOther: data.supportOther ?? '',
    supportOffline: data.supportOffline ?? '',
    supportUnavailable: data.supportUnavailable ?? '',
    ownReply: data.ownReply ?? '',
    saved: data.saved ?? '',
  };
}
