package com.atalaya.channels;

import java.util.List;
import java.util.Map;

/**
 * What a channel is and which settings it takes. Labels come from the i18n bundle under
 * {@code channel.<type>.*}. {@code choices} lists allowed values of CHOICE fields.
 *
 * @param onePerWorkspace the workspace gets exactly one, created with the workspace
 * @param replyLimit the most characters a reply may have on this channel; 0 for no limit
 */
public record ChannelDescriptor(
        String type,
        List<SettingField> settings,
        Map<String, List<String>> choices,
        boolean onePerWorkspace,
        int replyLimit) {

    public ChannelDescriptor(
            String type, List<SettingField> settings, Map<String, List<String>> choices, boolean onePerWorkspace) {
        this(type, settings, choices, onePerWorkspace, 0);
    }
}
