/** Service levels of the team: agent presence now; business hours, SLA policies and routing rules next. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Service",
        allowedDependencies = {"identity"})
package com.atalaya.service;
