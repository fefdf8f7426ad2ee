/** Service levels of the team: agent presence now; business hours, SLA policies and routing rules next. */
@org.springframework.modulith.ApplicationModule(displayName = "Service")
package com.atalaya.service;
