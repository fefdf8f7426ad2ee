/** Reply help: canned replies suggested by intent and language, and a tone check before sending. */
@org.springframework.modulith.ApplicationModule(displayName = "Replies")
package com.atalaya.replies;
