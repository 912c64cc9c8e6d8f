# Install rules and packages, included by the top-level CMakeLists.txt.
# Linux: the executable, a freedesktop menu entry, the icon in hicolor (SVG and PNGs), AppStream metadata,
# and a Debian package through CPack (dependencies computed by dpkg-shlibdeps; scripts/build-deb.sh).
# Windows and macOS: Qt's deployment script next to the executable and CPack NSIS / DragNDrop. Those
# cannot be built on this project's Linux CI; .github/workflows/build-windows-macos.yml builds them.
include(GNUInstallDirs)

set(VIDEOREMIX_APP_ID "io.github.videoremix.videoremix")
set(videoremix_resources ${PROJECT_SOURCE_DIR}/resources)

install(TARGETS videoremix
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
    BUNDLE DESTINATION .)
if(TARGET videoremix_media)
    # Qt Multimedia's side of the app, loaded when first needed (ui/mediamodule.cpp finds it here).
    install(TARGETS videoremix_media LIBRARY DESTINATION ${VIDEOREMIX_MEDIA_MODULE_DIR})
endif()

if(UNIX AND NOT APPLE)
    install(FILES ${videoremix_resources}/linux/${VIDEOREMIX_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${videoremix_resources}/linux/${VIDEOREMIX_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${videoremix_resources}/icons/videoremix.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${VIDEOREMIX_APP_ID}.svg)
    foreach(size 16 22 24 32 48 64 128 256 512)
        install(FILES ${videoremix_resources}/icons/videoremix-${size}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps RENAME ${VIDEOREMIX_APP_ID}.png)
    endforeach()
    install(FILES ${videoremix_resources}/LICENSE.txt
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/videoremix RENAME copyright)
endif()

if(WIN32 OR APPLE)
    # Qt >= 6.3: copies the Qt libraries and plugins the executable needs next to it (windeployqt /
    # macdeployqt under the hood).
    set_target_properties(videoremix PROPERTIES
        MACOSX_BUNDLE ON
        MACOSX_BUNDLE_GUI_IDENTIFIER ${VIDEOREMIX_APP_ID}
        MACOSX_BUNDLE_BUNDLE_NAME "Video Remix"
        MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
        MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION})
    qt_generate_deploy_app_script(TARGET videoremix OUTPUT_SCRIPT videoremix_deploy_script NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT ${videoremix_deploy_script})
endif()

set(CPACK_PACKAGE_NAME "videoremix")
set(CPACK_PACKAGE_VENDOR "The Video Remix developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Change AI videos with a sentence")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Video Remix")
set(CPACK_RESOURCE_FILE_LICENSE ${videoremix_resources}/LICENSE.txt)
set(CPACK_PACKAGE_EXECUTABLES "videoremix;Video Remix")
set(CPACK_STRIP_FILES ON)

if(WIN32)
    set(CPACK_GENERATOR "NSIS")
    set(CPACK_NSIS_DISPLAY_NAME "Video Remix")
    set(CPACK_NSIS_MUI_ICON ${videoremix_resources}/icons/videoremix.ico)
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\videoremix.exe")
    set(CPACK_NSIS_CREATE_ICONS_EXTRA "CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\Video Remix.lnk' '$INSTDIR\\\\bin\\\\videoremix.exe'")
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
    set(CPACK_DMG_VOLUME_NAME "Video Remix")
else()
    set(CPACK_GENERATOR "DEB")
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # videoremix_<version>_<arch>.deb
    set(CPACK_DEBIAN_PACKAGE_MAINTAINER "The Video Remix developers <videoremix@users.noreply.github.com>")
    set(CPACK_DEBIAN_PACKAGE_SECTION "video")
    set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Change AI videos with a sentence\n Video Remix sends videos to an OpenAI-style video service or relay with a\n prompt that says what to change, follows each job to the end and saves the\n result. It also makes new videos and extends them.")
    # Libraries are found by dpkg-shlibdeps. Qt plugins are loaded at run time, so shlibdeps cannot see
    # them: the platform plugins (xcb, wayland), the SQLite driver of the history, the FFmpeg
    # multimedia backend and WebP images are named here; CJK fonts are recommended.
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite, qt6-image-formats-plugins, libqt6multimedia6")
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk, qt6-translations-l10n, gnome-keyring | kwalletmanager")
endif()
include(CPack)
