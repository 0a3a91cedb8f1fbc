package dev.hugginggpt.protocol;

/**
 * A local model an executor knows but cannot run on its machine, and why: the program or files it lacks and how to
 * install them ("espeak-ng is not installed: apt-get install espeak-ng"). Announced so that a task of its type fails
 * with that reason instead of "no model serves it".
 */
public record UnavailableModel(String id, String task, String reason) {
}
