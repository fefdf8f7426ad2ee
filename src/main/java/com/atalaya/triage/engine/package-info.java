/**
 * The triage engine in plain Java (no Spring): text folding, word lists, rules and the trained
 * linear models. Other modules may use its value types; the evaluation command and the benchmark
 * run it directly.
 */
@org.springframework.modulith.NamedInterface("engine")
package com.atalaya.triage.engine;
