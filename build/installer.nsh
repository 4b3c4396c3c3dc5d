; NSIS additions for the Windows EXE (electron-builder.yml nsis.include). Silent install: /S.
; Optional switches, the MSI's properties (FORMATS.md §Installers):
;   /RUNATSTARTUP=1       start with the user's session (Run key of the install's hive)
;   /SHOULDAUTOUPDATE=1   let a per-user install update itself (ignored per machine)
; Records them under SHELL_CONTEXT\Software\Rep Console\Install (HKCU per user, HKLM per machine),
; where the app reads them (src-main/logic/install-settings.ts), and makes the .brcs-demo and
; rep-console: open commands pass the file/URL after "--" (src-main/logic/launch-args.ts reads only
; what follows it), replacing electron-builder's '"app.exe" "%1"'.
!include "FileFunc.nsh"

!macro customInstall
  ${GetParameters} $R0
  StrCpy $R1 "0"
  ClearErrors
  ${GetOptions} $R0 "/RUNATSTARTUP=" $R2
  ${IfNot} ${Errors}
    StrCpy $R1 $R2
  ${EndIf}
  StrCpy $R3 "0"
  ClearErrors
  ${GetOptions} $R0 "/SHOULDAUTOUPDATE=" $R2
  ${IfNot} ${Errors}
    StrCpy $R3 $R2
  ${EndIf}
  StrCpy $R4 ""
  ${If} $installMode == "all"
    StrCpy $R4 "1"
    StrCpy $R3 "0"
  ${EndIf}

  WriteRegStr SHELL_CONTEXT "Software\Rep Console\Install" "InstallDir" "$INSTDIR\"
  WriteRegStr SHELL_CONTEXT "Software\Rep Console\Install" "AllUsers" "$R4"
  WriteRegStr SHELL_CONTEXT "Software\Rep Console\Install" "RunAtStartup" "$R1"
  WriteRegStr SHELL_CONTEXT "Software\Rep Console\Install" "ShouldAutoUpdate" "$R3"
  WriteRegStr SHELL_CONTEXT "Software\Rep Console\Install" "Version" "${VERSION}"
  ${If} $R1 == "1"
    WriteRegStr SHELL_CONTEXT "Software\Microsoft\Windows\CurrentVersion\Run" "Rep Console" '"$appExe"'
  ${EndIf}

  WriteRegStr SHELL_CONTEXT "Software\Classes\.brcs-demo" "" "RepConsole.Script"
  WriteRegStr SHELL_CONTEXT "Software\Classes\.brcs-demo" "Content Type" "application/x-rep-console-script"
  WriteRegStr SHELL_CONTEXT "Software\Classes\RepConsole.Script" "" "Rep Console Script"
  WriteRegStr SHELL_CONTEXT "Software\Classes\RepConsole.Script\DefaultIcon" "" '"$appExe",0'
  WriteRegStr SHELL_CONTEXT "Software\Classes\RepConsole.Script\shell\open\command" "" '"$appExe" -- "%1"'
  WriteRegStr SHELL_CONTEXT "Software\Classes\rep-console" "" "URL:Rep Console"
  WriteRegStr SHELL_CONTEXT "Software\Classes\rep-console" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\rep-console\shell\open\command" "" '"$appExe" -- "%1"'
!macroend

!macro customUnInstall
  DeleteRegKey SHELL_CONTEXT "Software\Rep Console"
  DeleteRegValue SHELL_CONTEXT "Software\Microsoft\Windows\CurrentVersion\Run" "Rep Console"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\.brcs-demo"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\RepConsole.Script"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\rep-console"
!macroend
