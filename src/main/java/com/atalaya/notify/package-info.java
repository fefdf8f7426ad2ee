/** Tells the team of every interaction: in-app list, live browser notifications and e-mail, per user preferences. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {"identity", "channels", "inbox", "service", "web"})
package com.atalaya.notify;
