/**
 * Virtual desktops of emulated endpoints (FEATURES.md §E Screen Sharing, §I Endpoints).
 *
 * ── The interface ─────────────────────────────────────────────────────────────────────────────
 *
 *   const desk = new VirtualDesktop(spec: DesktopSpec)   // OS, user, password, monitors, windows
 *   desk.monitors(): MonitorInfo[]                        // id, name, x, y, width, height, primary ("P")
 *   desk.frame(viewerId, { monitor, colorMode, scale?, keyframe? }): EncodedFrame
 *       Tile deltas since that viewer's previous frame; a keyframe for a new viewer, on request, or
 *       when its monitor, colour mode or scale changed. `scale: {width, height}` downsamples here
 *       (aspect kept, never up). A frame may have no tiles. Send it with packFrame() as one binary
 *       WebSocket message; the renderer unpackFrame()s, inflates `data` (raw deflate) and
 *       paintTiles() onto its canvas. Unknown monitor: throws ScreenRefusalError.
 *   desk.closeViewer(viewerId)
 *   desk.setControl(viewerId, on): ScreenRefusal | null   // view vs control; phones refuse
 *   desk.input(viewerId, event: ScreenInput): ScreenRefusal | null
 *       Pointer (monitor pixels), key (KeyboardEvent.key names + modifiers), text, ctrl-alt-del.
 *       Refused with a code in view mode (E_SCREEN_VIEW_ONLY), on phones, and on the elevation
 *       dialog (secure desktop) unless the session is elevated.
 *   desk.clipboard() / desk.setClipboard(viewerId, text)  // two-way text clipboard; the endpoint's
 *       own copies arrive as {type:'clipboard'} events
 *   desk.setPrivacyScreen(on) / desk.setCustomerInputDisabled(on): ScreenRefusal | null
 *       Windows/macOS and elevated only; the customer takes control back with Ctrl-Alt-Del
 *       (customerInput). The rep keeps seeing the desktop; snapshot(id, {side:'customer'}) shows
 *       what the customer sees.
 *   desk.setElevated(on), desk.status(), desk.subscribe(listener)   // damage / status / clipboard
 *   desk.windows()                                                 // the window list (title, place, focus)
 *   desk.specialActions(), desk.runSpecialAction(viewerId, id)     // per OS; system context needs elevation
 *   desk.injectCredentials(user, password)                         // at the login screen (§F)
 *   desk.snapshot(monitor, {colorMode, side, cursor}), desk.screenshotPng(...)  // screenshots
 *   desk.tick()                                                    // call every few seconds: clocks
 *
 * Wire formats (frames, input events, colour modes, refusal codes) live in
 * appliance/src/protocol/screen-frames.ts, shared with the renderer. The console's viewer is
 * src-renderer/console/components/session/screen/ScreenViewer.svelte (pushFrame(bytes) in,
 * onscreeninput / onrequestframes out).
 *
 * Driving it: on a {type:'damage'} event (many per input: coalesce, e.g. one frame per viewer per
 * 33 ms) call frame() for each viewer and send the frames that have tiles or a moved cursor.
 * frame() is synchronous: a moving window costs a few ms, a 1080p All Colors keyframe ~35 ms
 * (bench/suites/screen-frames.mjs). Wired to sessions and console sockets by
 * appliance/src/ws/screen-stream.ts (one desktop per emulated endpoint, built by for-machine.ts).
 *
 * ── Inside ────────────────────────────────────────────────────────────────────────────────────
 * scene.ts (state) ← input.ts (mouse, keyboard) ; layout.ts (where things are) ; painter.ts →
 * shell.ts, screens.ts, apps/* draw on a Surface (surface.ts, fonts in font/) ; framebuffer.ts
 * repaints only dirty rectangles and versions 64×64 tiles ; encoder.ts + quantize.ts send the
 * changed tiles of each viewer in its colour mode, deflated.
 */
export { VirtualDesktop, ScreenRefusalError, type FrameRequest, type DesktopEvent, type DesktopStatus, type WindowInfo } from './virtual-desktop.js';
export type { DesktopSpec, MonitorSpec, OsFlavor, WindowSpec } from './spec.js';
export type { AppKind, FileEntry } from './apps/app.js';
export { demoDesktop } from './presets.js';
