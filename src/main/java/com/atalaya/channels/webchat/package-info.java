/**
 * The live chat widget: the embed script, the visitor frame and its API, live delivery of agent
 * replies over Server-Sent Events, and "leave a message" when nobody is available.
 */
package com.atalaya.channels.webchat;
