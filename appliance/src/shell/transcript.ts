/**
 * The plain-text transcript of a shell: its output with terminal control stripped — escape sequences
 * (colours, cursor moves, titles), carriage returns, bells — and backspaces applied, so `grep` and a
 * human can read what the rep saw. Works on a stream: an escape sequence split between two chunks is
 * held back until it is complete.
 */

/** CSI, OSC, DCS/PM/APC strings, charset selection and the other two- or three-byte ESC sequences. */
const ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|[ -/]*[0-OQ-WYZ\\`-~])/g;
/** A character followed by a backspace (the echo of a line editor's erase: "x\b \b"). */
const ERASED = /[^\n\x08]\x08/g;
const HAS_ERASED = /[^\n\x08]\x08/;
/** Other C0 controls (tab and newline stay). */
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f]/g;
/** Controls other than tab, newline and carriage return. */
const OTHER_CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;
/** An unfinished escape sequence this long is not one: drop it rather than hold it forever. */
const MAX_CARRY = 4096;

export class TranscriptFilter {
  private carry = '';

  /** The plain text of the next chunk of output. */
  feed(chunk: string): string {
    let text = this.carry + chunk;
    this.carry = '';
    if (!/[\x00-\x08\x0b-\x1f\x7f]/.test(text)) return text;
    // Plain lines (the bulk of a flood): carriage returns are the only control, no escapes to find.
    if (!OTHER_CONTROLS.test(text)) {
      text = text.includes('\r\r') ? text.replace(/\r+\n/g, '\n') : text.split('\r\n').join('\n');
      return text.includes('\r') ? text.replace(/\r/g, '') : text;
    }
    text = text.replace(ESCAPES, '');
    const esc = text.lastIndexOf('\x1b');
    if (esc >= 0 && text.length - esc < MAX_CARRY) {
      this.carry = text.slice(esc);
      text = text.slice(0, esc);
    }
    text = text.replace(/\r+\n/g, '\n');
    while (HAS_ERASED.test(text)) text = text.replace(ERASED, '');
    return text.replace(CONTROLS, '');
  }
}
