/**
 * @file export.h
 * @brief ZY_EXPORT marks what libzhuoyue.so exports.
 *
 * The library is built with hidden visibility (and a symbol version script,
 * lib/zhuoyue.map.in), so a function or class without it stays internal. C and C++ headers
 * share this file.
 */
#ifndef ZHUOYUE_EXPORT_H_
#define ZHUOYUE_EXPORT_H_

#if defined(__GNUC__) || defined(__clang__)
/** Marks a function or class that libzhuoyue.so exports: default visibility with GCC
 *  and Clang, empty with other compilers. */
#define ZY_EXPORT __attribute__((visibility("default")))
#else
/** Marks a function or class that libzhuoyue.so exports: default visibility with GCC
 *  and Clang, empty with other compilers. */
#define ZY_EXPORT
#endif

#endif /* ZHUOYUE_EXPORT_H_ */
