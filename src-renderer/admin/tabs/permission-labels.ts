/** How My Account names each permission (the vendor's wording, shortened). */
import type { PermissionName } from '../../../appliance/src/protocol/index.js';

export const PERMISSION_LABELS: Record<PermissionName, string> = {
  administrator: 'Administrator',
  viewReports: 'View session reports',
  jumpClient: 'Jump Client',
  localJump: 'Local Jump',
  remoteJump: 'Remote Jump',
  shellJump: 'Shell Jump',
  localRdp: 'Local RDP',
  jumpStartAll: 'Start sessions from all Jump Items',
  jumpManage: 'Deploy and modify Jump Items',
  screenView: 'View the screen',
  screenControl: 'Control the screen',
  annotations: 'Annotations',
  fileUpload: 'Upload files',
  fileDownload: 'Download files',
  commandShell: 'Command shell',
  systemInfo: 'System information',
  elevation: 'Elevation',
  pinJumpClients: 'Pin and unpin Jump Clients',
  supportButtons: 'Support buttons',
  generateSessionKeys: 'Generate session keys',
  shareNonTeam: 'Share sessions outside own teams',
  inviteExternal: 'Invite external representatives',
  transfer: 'Transfer sessions',
  overrideJumpPolicy: 'Override Jump Policy schedules',
};
