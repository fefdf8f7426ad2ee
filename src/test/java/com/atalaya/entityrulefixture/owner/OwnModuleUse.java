package com.atalaya.entityrulefixture.owner;

class OwnModuleUse {

    String name(Things things) {
        return things.forOwnModule().getName() + things.find().orElseThrow().getName();
    }
}
