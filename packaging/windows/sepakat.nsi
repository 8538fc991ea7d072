; Sepakat per-user setup: installs into %LocalAppData%\Programs\Sepakat without admin
; rights, in Bahasa Indonesia, with a Start-menu shortcut carrying the app ID and an
; entry in Apps & features. Uninstalling removes the program only: the data in
; %AppData%\Sepakat (sepakat.db, backups) is kept.
; Built by `make setup`: makensis -DVERSION -DBUILDNUM -DAPP_ID -DDIST -DOUT -DICON.
Unicode true
Target amd64-unicode
ManifestDPIAware true
ManifestSupportedOS Win10
RequestExecutionLevel user
SetCompressor /SOLID lzma

!include MUI2.nsh
!include LogicLib.nsh

!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Sepakat"

Name "Sepakat"
OutFile "${OUT}"
InstallDir "$LOCALAPPDATA\Programs\Sepakat"
InstallDirRegKey HKCU "Software\Sepakat" "InstallDir"
BrandingText "Sepakat ${VERSION}"
VIProductVersion "${VERSION}.${BUILDNUM}"
VIAddVersionKey /LANG=1057 "ProductName" "Sepakat"
VIAddVersionKey /LANG=1057 "FileDescription" "Pemasang Sepakat"
VIAddVersionKey /LANG=1057 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1057 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1057 "LegalCopyright" "Hak cipta (C) para pengembang Sepakat"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\Sepakat.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Jalankan Sepakat sekarang"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Indonesian"

; SetAppUserModelID writes System.AppUserModel.ID into a shortcut through the shell's
; COM interfaces (IShellLinkW, IPersistFile, IPropertyStore) with the System plugin:
; Debian's nsis has no WinShell plugin. Stack in: lnk path, app ID.
Function SetAppUserModelID
  Exch $R1 ; app ID
  Exch
  Exch $R0 ; lnk path
  Push $0
  Push $1
  Push $2
  Push $3
  Push $4
  Push $5
  ; CLSID_ShellLink, IID_IShellLinkW
  System::Call 'ole32::CoCreateInstance(g "{00021401-0000-0000-C000-000000000046}", p 0, i 1, g "{000214F9-0000-0000-C000-000000000046}", *p .r1) i .r0'
  ${If} $0 = 0
    System::Call '$1->0(g "{0000010b-0000-0000-C000-000000000046}", *p .r2) i .r0' ; IPersistFile
    ${If} $0 = 0
      System::Call '$2->5(w R0, i 2) i .r0' ; Load(path, STGM_READWRITE)
      ${If} $0 = 0
        System::Call '$1->0(g "{886D8EEB-8CF2-4446-8D02-CDBA1DBDCF99}", *p .r3) i .r0' ; IPropertyStore
        ${If} $0 = 0
          ; PROPERTYKEY PKEY_AppUserModel_ID = {9F4C2855-...}, 5; PROPVARIANT VT_LPWSTR (31)
          System::Call '*(&g16 "{9F4C2855-9F79-4B39-A8D0-E1D42DE1D5F3}", i 5) p .r4'
          System::Call '*(&i2 31, &i2 0, &i2 0, &i2 0, w R1) p .r5'
          System::Call '$3->6(p r4, p r5) i .r0' ; SetValue
          ${If} $0 = 0
            System::Call '$3->7() i .r0' ; Commit
          ${EndIf}
          ${If} $0 = 0
            System::Call '$2->6(p 0, i 1) i .r0' ; Save to the loaded file
          ${EndIf}
          System::Free $4
          System::Free $5
          System::Call '$3->2()'
        ${EndIf}
      ${EndIf}
      System::Call '$2->2()'
    ${EndIf}
    System::Call '$1->2()'
  ${EndIf}
  ${If} $0 <> 0
    DetailPrint "ID aplikasi pada pintasan tidak tersimpan (HRESULT $0)"
  ${EndIf}
  Pop $5
  Pop $4
  Pop $3
  Pop $2
  Pop $1
  Pop $0
  Pop $R0
  Pop $R1
FunctionEnd

Section "Sepakat" SecMain
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${DIST}\Sepakat.exe"
  File "${DIST}\sepakat-cli.exe"
  File /oname=sepakat.ico "${ICON}"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  CreateShortcut "$SMPROGRAMS\Sepakat.lnk" "$INSTDIR\Sepakat.exe" "" "$INSTDIR\Sepakat.exe" 0
  Push "$SMPROGRAMS\Sepakat.lnk"
  Push "${APP_ID}"
  Call SetAppUserModelID

  WriteRegStr HKCU "Software\Sepakat" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "Sepakat"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "Sepakat"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\Sepakat.exe,0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
SectionEnd

; The data (%AppData%\Sepakat) is left where it is, on purpose.
Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\Sepakat.lnk"
  Delete "$INSTDIR\Sepakat.exe"
  Delete "$INSTDIR\sepakat-cli.exe"
  Delete "$INSTDIR\sepakat.ico"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\Sepakat"
SectionEnd
