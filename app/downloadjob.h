#pragma once
// Work in progress: the download job (see downloadjob.cpp).
