/** Voxgate's domain ports: what a transcription backend offers, and how configuration reads the environment. JDK only. */
package dev.voxgate.core;
