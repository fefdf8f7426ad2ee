/** The UI shell: layout, language, error pages and the live-update stream (SSE) every screen listens to. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Web shell",
        allowedDependencies = {"identity", "service"})
package com.atalaya.web;
