package com.atalaya.entityrulefixture.user;

import com.atalaya.entityrulefixture.owner.Thing;

class NamesAThing {

    String name(Thing thing) {
        return thing.getName();
    }
}
