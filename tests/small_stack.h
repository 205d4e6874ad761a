// Runs work on a thread with a small stack, as a host application's thread may have: the
// parser's nesting limit must keep compiling and evaluating a pack within it.
#ifndef ZHUOYUE_TESTS_SMALL_STACK_H_
#define ZHUOYUE_TESTS_SMALL_STACK_H_

#include <pthread.h>

#include <cstddef>
#include <functional>

#include "gtest/gtest.h"

namespace zhuoyue::testing_support {

// 256 KiB; sanitizers multiply frame sizes, so they get 4 MiB.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr size_t kSmallStack = 4 << 20;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
inline constexpr size_t kSmallStack = 4 << 20;
#else
inline constexpr size_t kSmallStack = 256 << 10;
#endif
#else
inline constexpr size_t kSmallStack = 256 << 10;
#endif

inline void OnSmallStack(const std::function<void()>& work) {
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstacksize(&attributes, kSmallStack);
  pthread_t thread;
  auto run = [](void* argument) -> void* {
    (*static_cast<const std::function<void()>*>(argument))();
    return nullptr;
  };
  ASSERT_EQ(pthread_create(&thread, &attributes, run, const_cast<std::function<void()>*>(&work)),
            0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attributes);
}

}  // namespace zhuoyue::testing_support

#endif  // ZHUOYUE_TESTS_SMALL_STACK_H_
